using System.Text.RegularExpressions;
using QABot.Answering.Llm.Context;
using QABot.Core.Domain;
using QABot.Text;
using QABot.Text.Analysis;

namespace QABot.Answering.Llm.Guard;

/// <summary>
/// What the guard made of a model's fact-check: a verdict only when it is borne by a citation, else none (the
/// answerer then falls back to the extractive check).
/// </summary>
/// <param name="Evidence">The evidence sentences as <see cref="CitationGuard"/> left them, with their citations.</param>
public sealed record ClaimCheck(ClaimVerdict? Verdict, GuardResult Evidence, IReadOnlyList<string> Actions);

/// <summary>
/// The words of a claim the cited evidence must hold, grouped by concept: an Arabic word with its other analyses, or
/// the Arabic renderings of one English concept. <see cref="Numbers"/> are the claim's numbers, digits folded.
/// </summary>
public sealed record ClaimTerms(IReadOnlyList<IReadOnlySet<string>> Concepts, IReadOnlyList<string> Numbers);

/// <summary>
/// Guards a model's verdict on a claim (prompt <c>check-claim</c>): the reply must open with "VERDICT: supported |
/// contradicted | not_found"; the evidence after it goes through <see cref="CitationGuard"/> (invented markers, invented
/// dates, wrong language); and a supported or contradicted verdict stands only when its cited articles bear the claim:
/// at least <see cref="MinConceptShare"/> of the claim's concepts appear in them, and for "supported" every number of
/// the claim too. No verdict without a citation that bears it.
/// </summary>
public static partial class ClaimGuard
{
    public const double MinConceptShare = 0.5;

    public static ClaimCheck Check(string? reply, SourceContext sources, string language, ClaimTerms claim)
    {
        var text = (reply ?? "").Trim();
        var empty = new GuardResult(GuardVerdict.Empty, "", [], []);
        var firstLine = text.Split('\n', 2)[0];
        if (VerdictLine().Match(firstLine) is not { Success: true } line)
            return new ClaimCheck(null, empty, ["no \"VERDICT:\" line: the reply is not a fact-check"]);
        var verdict = line.Groups["v"].Value.ToLowerInvariant() switch
        {
            "supported" => ClaimVerdict.Supported,
            "contradicted" => ClaimVerdict.Contradicted,
            _ => ClaimVerdict.NotFound,
        };
        if (verdict == ClaimVerdict.NotFound) return new ClaimCheck(ClaimVerdict.NotFound, empty, []);

        var rest = text.Length > firstLine.Length ? text[firstLine.Length..].Trim() : "";
        var evidence = CitationGuard.Check(rest, sources, language);
        var actions = evidence.Actions.ToList();
        if (evidence.Verdict != GuardVerdict.Accepted || evidence.Citations.Count == 0)
            return new ClaimCheck(null, evidence, [.. actions, $"verdict {verdict} discarded: no valid citation ({evidence.Verdict})"]);

        var cited = evidence.Citations.Select(c => c.ArticleId).ToHashSet(StringComparer.Ordinal);
        var citedText = string.Join('\n', sources.Sources.Where(s => cited.Contains(s.Metadata.ArticleId)).Select(s => s.Metadata.Title + "\n" + s.Chunk.Text));
        var citedTerms = SearchAnalysis.Analyze(citedText, Languages.Arabic).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        var matched = claim.Concepts.Count(concept => concept.Overlaps(citedTerms));
        var share = claim.Concepts.Count == 0 ? 0 : (double)matched / claim.Concepts.Count;
        if (share < MinConceptShare)
            return new ClaimCheck(null, evidence, [.. actions, $"verdict {verdict} discarded: the cited articles hold {matched} of the claim's {claim.Concepts.Count} concepts"]);
        if (verdict == ClaimVerdict.Supported)
        {
            var citedNumbers = Numbers(citedText).ToHashSet(StringComparer.Ordinal);
            var missing = claim.Numbers.Where(n => !citedNumbers.Contains(n)).ToList();
            if (missing.Count > 0)
                return new ClaimCheck(null, evidence, [.. actions, $"verdict supported discarded: the cited articles do not state {string.Join(", ", missing)}"]);
        }
        return new ClaimCheck(verdict, evidence, actions);
    }

    /// <summary>The concepts of a claim: its own Arabic words, and for an English claim the Arabic renderings of each concept.</summary>
    /// <param name="expansions">Arabic alternatives of an English claim (phrase, concept key); empty for an Arabic claim.</param>
    public static ClaimTerms TermsOf(string claim, string language, IEnumerable<(string Phrase, string Concept)> expansions)
    {
        var concepts = new List<IReadOnlySet<string>>();
        if (language == Languages.Arabic)
        {
            foreach (var word in SearchAnalysis.Analyze(claim, Languages.Arabic).GroupBy(t => t.Position))
                if (word.Any(t => !IsNumber(t.Text))) concepts.Add(word.Select(t => t.Text).ToHashSet(StringComparer.Ordinal));
        }
        else
        {
            foreach (var group in expansions.GroupBy(e => e.Concept))
            {
                var terms = group.SelectMany(e => SearchAnalysis.Analyze(e.Phrase, Languages.Arabic)).Select(t => t.Text).Where(t => !IsNumber(t)).ToHashSet(StringComparer.Ordinal);
                if (terms.Count > 0) concepts.Add(terms);
            }
        }
        return new ClaimTerms(concepts, Numbers(claim).Distinct(StringComparer.Ordinal).ToList());
    }

    private static bool IsNumber(string term) => term.All(char.IsAsciiDigit);

    private static IEnumerable<string> Numbers(string text) =>
        NumberPattern().Matches(ArabicNormalizer.Normalize(text)).Select(m => m.Value.TrimStart('0') is { Length: > 0 } n ? n : "0");

    [GeneratedRegex(@"^\s*VERDICT\s*:\s*(?<v>supported|contradicted|not_found)\s*\.?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex VerdictLine();

    [GeneratedRegex(@"(?<![\d.,])\d+(?![\d])")]
    private static partial Regex NumberPattern();
}
