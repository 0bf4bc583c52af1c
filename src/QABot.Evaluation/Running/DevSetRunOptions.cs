using QABot.Evaluation.Hosting;

namespace QABot.Evaluation.Running;

/// <summary>How a dev set (eval/dev.jsonl, eval/heldout.jsonl) is run: on which corpora, which questions, where the index is kept.</summary>
public sealed record DevSetRunOptions
{
    public required string DatasetPath { get; init; }

    /// <summary>The bundled sample corpus (always indexed).</summary>
    public required string SampleCorpusPath { get; init; }

    /// <summary>The ANT corpus (jsonl.gz). When the file is missing, the questions about it are skipped with a warning.</summary>
    public string? AntCorpusPath { get; init; }

    /// <summary>Where the index of the corpora is kept between runs (one subfolder per corpus/code key).</summary>
    public required string CacheDirectory { get; init; }

    public ServiceRecipe Services { get; init; } = new();

    /// <summary>Overrides over the application's settings (an eval configuration).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Only these kinds ("who", "list", …); empty = all.</summary>
    public IReadOnlyList<string> Kinds { get; init; } = [];

    /// <summary>Only these languages ("ar", "en"); empty = both.</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Only these question ids; empty = all.</summary>
    public IReadOnlyList<string> Ids { get; init; } = [];

    /// <summary>At most this many questions (after the filters), spread evenly over the set.</summary>
    public int? Limit { get; init; }

    /// <summary>"Today" for questions with relative dates; null = the clock.</summary>
    public DateTimeOffset? Now { get; init; }

    public string? CommandLine { get; init; }

    /// <summary>Where the full report is written as JSON; null = nowhere.</summary>
    public string? OutputJsonPath { get; init; }

    /// <summary>The benchmarks document whose section for this set is rewritten (docs/benchmarks.md); null = none.</summary>
    public string? MarkdownPath { get; init; }
}
