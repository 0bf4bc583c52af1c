using Microsoft.Extensions.DependencyInjection;
using QABot.Answering.Extractive.Spans;
using QABot.Core.Answering;
using QABot.Core.Domain;

namespace QABot.Answering.Extractive;

/// <summary>
/// Writes a short answer in the question's language. Arabic keeps the span as the article writes it (a weekday or
/// «أمس» gains the calendar date it stands for). English renders numbers and dates from their parsed values, exactly,
/// with English month names, and names, places and organisations through <see cref="IEnglishRenderer"/>; when that has
/// no faithful rendering the Arabic span is kept rather than guessed.
/// </summary>
public sealed class ShortAnswerWriter
{
    private readonly Lazy<IEnglishRenderer?> _english;

    /// <summary>The renderer is resolved on the first English answer: Arabic questions never load its dictionary.</summary>
    public ShortAnswerWriter(IServiceProvider services) =>
        _english = new Lazy<IEnglishRenderer?>(services.GetService<IEnglishRenderer>, LazyThreadSafetyMode.ExecutionAndPublication);

    public ShortAnswerWriter(IEnglishRenderer? english) => _english = new Lazy<IEnglishRenderer?>(() => english);

    /// <summary>A calendar date as the short answer: «14 سبتمبر 2023», "14 September 2023".</summary>
    public string WriteDate(DateTimeOffset date, string language)
    {
        var day = new Text.Dates.DateMention(0, 0, date.Year, date.Month, date.Day);
        return language == Languages.English ? day.ToEnglish() : day.ToArabic();
    }

    /// <returns>The short answer, and whether it is written in <paramref name="language"/> (false: an Arabic span kept in an English answer).</returns>
    /// <param name="question">The question asked: its English words choose among a dictionary word's senses.</param>
    public (string Text, bool Rendered) Write(AnswerSpan span, string language, DateTimeOffset? published, string? question = null)
    {
        if (span.Date is { } date)
        {
            var resolved = date.Resolve(published);
            if (language == Languages.English)
            {
                var english = resolved.ToEnglish();
                return english.Length > 0 ? (english, true) : (span.Text, false);
            }
            // «الأربعاء» says what the text says; the date it stands for follows.
            return resolved.Resolved && (date.Weekday is not null || date.DaysBack is not null || date.MonthsBack is not null || date.YearsBack is not null)
                ? ($"{span.Text} ({resolved.ToArabic()})", true)
                : (span.Text, true);
        }
        if (language != Languages.English) return (span.Text, true);
        if (span.Number is { } number) return (number.ToEnglish(), true);
        var rendering = _english.Value?.Render(span.Text, span.Type, question);
        return rendering is null ? (span.Text, false) : (rendering.Text, true);
    }

    /// <summary>
    /// A what/why phrase in the question's language. English takes the whole phrase when the renderer has a faithful
    /// English noun phrase for it (<see cref="IEnglishRenderer.RenderPhrase"/>: names from the gazetteer, every other
    /// word a common English sense, adjectives before the noun), else the head noun with fewer modifiers; a reason keeps
    /// how it was introduced ("because of …"). With none to trust, the English answer says so and gives the Arabic phrase.
    /// </summary>
    public (string Text, bool Rendered) Write(AnswerPhrase phrase, string language, string? question = null)
    {
        if (language != Languages.English) return (phrase.Text, true);
        if (phrase.Title)
            return _english.Value?.RenderTitle(phrase.Core) is { } title ? (title.Text, true) : (Formatting.AnswerTexts.UnrenderedPhrase(phrase.Text), false);
        var words = phrase.Core.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var arabic in new[] { phrase.Core }.Concat(phrase.Shorter.Where(s => !CutsConstruct(s, words))))
        {
            if (_english.Value?.RenderPhrase(arabic, question) is not { } rendering) continue;
            var english = phrase.Reason switch
            {
                ReasonForm.Because => "because " + Lower(rendering),
                ReasonForm.BecauseOf => "because of " + Lower(rendering),
                ReasonForm.InOrderTo => "for " + Lower(rendering),
                ReasonForm.After => "after " + Lower(rendering),
                ReasonForm.ForReasons => "for " + Lower(rendering),
                _ => rendering.Text,
            };
            return (english, true);
        }
        return (Formatting.AnswerTexts.UnrenderedPhrase(phrase.Text), false);
    }

    /// <summary>
    /// «عالم متعدد | الأقطاب»: an indefinite word before a definite one governs it, and the two say one thing
    /// ("multipolar"); cut between them, the shorter form says something else ("multi world").
    /// </summary>
    private static bool CutsConstruct(string shorter, string[] words)
    {
        var kept = shorter.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (kept == 0 || kept >= words.Length) return false;
        return !Text.Tokens.ArabicWordForms.IsDefinite(Text.ArabicNormalizer.NormalizeLower(words[kept - 1]))
               && Text.Tokens.ArabicWordForms.IsDefinite(Text.ArabicNormalizer.NormalizeLower(words[kept]));
    }

    /// <summary>A dictionary word is capitalised at the start of an answer; inside a phrase it is not (names keep theirs).</summary>
    private static string Lower(EnglishRendering rendering)
    {
        var text = rendering.Text;
        return text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) && (!text.Contains(' ') || rendering.Method != "gazetteer")
            ? char.ToLowerInvariant(text[0]) + text[1..] : text;
    }
}
