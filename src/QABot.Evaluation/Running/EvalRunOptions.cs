using QABot.Evaluation.Hosting;

namespace QABot.Evaluation.Running;

public sealed record EvalRunOptions
{
    /// <summary>A <c>.jsonl</c> QA set, a SQuAD <c>.json</c> file or a folder holding <c>xquad.ar.json</c> (+ <c>xquad.en.json</c>).</summary>
    public required string DatasetPath { get; init; }

    /// <summary>Files or folders indexed for a JSONL set (its articles); ignored for SQuAD sets, which bring their paragraphs.</summary>
    public IReadOnlyList<string> CorpusPaths { get; init; } = [];

    /// <summary>Configurations compared side by side; each gets its own fresh index.</summary>
    public IReadOnlyList<EvalConfiguration> Configurations { get; init; } = [EvalConfiguration.Current];

    public ServiceRecipe Services { get; init; } = new();

    /// <summary>At most this many questions per group, spread over the set (quick runs).</summary>
    public int? Limit { get; init; }

    /// <summary>Whether SQuAD sets also run their unanswerable pass (held-out paragraphs removed).</summary>
    public bool IncludeUnanswerable { get; init; } = true;

    /// <summary>"Today" for questions with relative dates; null = the clock.</summary>
    public DateTimeOffset? Now { get; init; }

    public string? OutputJsonPath { get; init; }

    /// <summary>Where the recall@k chart is written (e.g. docs/img); null = no chart.</summary>
    public string? PlotsDirectory { get; init; }

    /// <summary>The benchmarks document whose section for this dataset is rewritten (e.g. docs/benchmarks.md); null = none.</summary>
    public string? MarkdownPath { get; init; }

    /// <summary>The command as typed, recorded in the report and the markdown so the figures can be regenerated.</summary>
    public string? CommandLine { get; init; }

    /// <summary>Where the per-configuration data directories go (default: the temp folder).</summary>
    public string? WorkDirectory { get; init; }
}

/// <summary>Progress of a run: which configuration, which phase, how far.</summary>
public sealed record EvalProgress(string Configuration, string Phase, int Done, int Total);
