using QABot.Evaluation.Hosting;

namespace QABot.Evaluation.Running;

/// <summary>A named set of configuration overrides applied over the application's settings for one eval run.</summary>
public sealed record EvalConfiguration(string Name, IReadOnlyDictionary<string, string?> Settings)
{
    public const string CurrentName = "current";

    /// <summary>The application's configuration as it is.</summary>
    public static EvalConfiguration Current { get; } = new(CurrentName, new Dictionary<string, string?>());

    /// <summary>
    /// Named variants worth comparing. "bm25": plain BM25, no query expansion at all (English questions get no Arabic
    /// terms); "no-dictionary": without FreeDict translation, the built-in gazetteer of names still applies;
    /// "extractive": no LLM even when one is configured; "llm": as configured, and it must configure one;
    /// "current": the configuration as it is.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyDictionary<string, string?>> Presets { get; } =
        new Dictionary<string, IReadOnlyDictionary<string, string?>>(StringComparer.OrdinalIgnoreCase)
        {
            [CurrentName] = new Dictionary<string, string?>(),
            ["bm25"] = new Dictionary<string, string?> { [ServiceRecipe.QueryExpansionKey] = "none" },
            ["no-dictionary"] = new Dictionary<string, string?> { ["Retrieval:CrossLingual:DictionaryPath"] = "" },
            ["extractive"] = new Dictionary<string, string?> { ["Llm:Endpoint"] = "" },
            [LlmName] = new Dictionary<string, string?>(),
        };

    public const string LlmName = "llm";

    /// <summary>
    /// "NAME" for a preset, or "NAME:KEY=VALUE;KEY=VALUE" for a preset (or new name) plus overrides, e.g.
    /// <c>top5:Retrieval:Top=5</c>. Keys use ':' between sections, as in appsettings.
    /// </summary>
    public static EvalConfiguration Parse(string spec)
    {
        if (string.IsNullOrWhiteSpace(spec)) throw new FormatException("A configuration needs a name, e.g. \"bm25\" or \"top5:Retrieval:Top=5\".");
        var colon = spec.IndexOf(':');
        var name = (colon < 0 ? spec : spec[..colon]).Trim();
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (Presets.TryGetValue(name, out var preset))
            foreach (var (key, value) in preset) settings[key] = value;
        else if (colon < 0)
            throw new FormatException($"Unknown configuration \"{name}\". Presets: {string.Join(", ", Presets.Keys)}; or NAME:KEY=VALUE;KEY=VALUE.");

        if (colon >= 0)
            foreach (var pair in spec[(colon + 1)..].Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var equals = pair.IndexOf('=');
                if (equals <= 0) throw new FormatException($"\"{pair}\" in configuration \"{name}\" is not KEY=VALUE.");
                settings[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
            }
        return new EvalConfiguration(name, settings);
    }
}
