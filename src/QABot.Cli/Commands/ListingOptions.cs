using System.CommandLine;
using System.Globalization;
using QABot.Core.Retrieval;
using QABot.Text.Outlets;

namespace QABot.Cli.Commands;

/// <summary>
/// The --from/--to/--source options shared by `articles list` and `articles search`, and their reading into a date
/// window and stored outlet names, with one-line errors for what cannot be read.
/// </summary>
internal sealed class ListingOptions
{
    public Option<string?> From { get; } = new("--from")
    {
        Description = "Published on or after this day: 2023-09-14, 2023-09 (the month's first day) or 2023. The outlet's own date counts.",
    };

    public Option<string?> To { get; } = new("--to")
    {
        Description = "Published on or before this day: 2023-09-30, 2023-09 (the whole month) or 2023 (the whole year).",
    };

    public Option<string[]> Source { get; } = new("--source", "-s")
    {
        Description = "Only this outlet, by any common name: \"sky news\", «سكاي نيوز», skynews, BBC, «العربية». Repeat for several.",
        AllowMultipleArgumentsPerToken = false,
    };

    public void AddTo(Command command)
    {
        command.Add(From);
        command.Add(To);
        command.Add(Source);
    }

    /// <summary>The window and outlets asked for, or the one-line error to print.</summary>
    public async Task<(DateRange? Window, IReadOnlyList<string>? Sources, IReadOnlyList<Outlet> Outlets, string? Error)> ReadAsync(
        ParseResult parse, OutletCatalog catalog, CancellationToken cancellationToken)
    {
        DateOnly? from = null, to = null;
        if (parse.GetValue(From) is { } fromText && !TryDay(fromText, lastDay: false, out from))
            return (null, null, [], $"error: --from '{fromText}' is not a date: use 2023-09-14, 2023-09 or 2023.");
        if (parse.GetValue(To) is { } toText && !TryDay(toText, lastDay: true, out to))
            return (null, null, [], $"error: --to '{toText}' is not a date: use 2023-09-30, 2023-09 or 2023.");
        if (from > to) return (null, null, [], $"error: --from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}.");
        var window = from is null && to is null ? null : DateRange.Days(from, to);

        var names = parse.GetValue(Source) ?? [];
        if (names.Length == 0) return (window, null, [], null);
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var sources = new List<string>();
        var outlets = new List<Outlet>();
        foreach (var name in names)
        {
            if (snapshot.Resolve(name) is not { } resolution)
            {
                var known = string.Join(", ", snapshot.StoredOutlets.Select(o => o.EnglishName).Distinct().Order(StringComparer.OrdinalIgnoreCase));
                return (null, null, [], $"error: no outlet called '{name}' is known. Outlets in the index: {(known.Length == 0 ? "none" : known)}.");
            }
            outlets.Add(resolution.Outlet);
            sources.AddRange(resolution.Sources);
        }
        // Empty when the outlets are known but the index holds nothing from them: the caller lists nothing, not everything.
        return (window, sources, outlets, null);
    }

    private static bool TryDay(string text, bool lastDay, out DateOnly? day)
    {
        day = null;
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var exact))
        {
            day = exact;
            return true;
        }
        if (DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            day = lastDay ? month.AddMonths(1).AddDays(-1) : month;
            return true;
        }
        if (text.Length == 4 && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
        {
            day = lastDay ? new DateOnly(year, 12, 31) : new DateOnly(year, 1, 1);
            return true;
        }
        return false;
    }
}
