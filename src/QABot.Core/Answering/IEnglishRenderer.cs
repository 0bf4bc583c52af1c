namespace QABot.Core.Answering;

/// <summary>What a factoid question expects as its answer; it decides how an Arabic span is rendered in English.</summary>
public enum AnswerType { Unknown, Person, Organization, Place, Number, Date, Duration, Money, Other }

/// <summary>
/// Gives the English form of a short Arabic answer span without a model: names, places and organisations from the
/// gazetteer read in reverse or transliterated, short common phrases through the Arabic→English dictionary. Numbers
/// and dates are not its job: the answerer renders them from their parsed values, exactly, with English month names.
/// </summary>
public interface IEnglishRenderer
{
    /// <summary>The English rendering, or null when none is faithful enough (the caller then keeps the Arabic span).</summary>
    /// <param name="question">The English question, when there is one: of a word's dictionary senses, the one the asker used is meant.</param>
    EnglishRendering? Render(string arabicSpan, AnswerType type, string? question = null);

    /// <summary>
    /// A short Arabic noun phrase (a what-answer: a noun, its adjectives, the noun it governs) in English word order,
    /// or null unless every word has a rendering a reader would understand. A renderer without such a check renders none.
    /// </summary>
    EnglishRendering? RenderPhrase(string arabicPhrase, string? question = null) => null;

    /// <summary>
    /// A quoted title (a book, film or slogan the article names in quotes), word by word in title case: a name from the
    /// gazetteer, an English word the Arabic spells out («أميريكان باستورال»), else a transliteration. Null when a
    /// word has none. A renderer without such a reading renders none.
    /// </summary>
    EnglishRendering? RenderTitle(string arabicTitle) => null;
}

/// <param name="Method">Where the rendering came from: "gazetteer", "dictionary" or "transliteration".</param>
public sealed record EnglishRendering(string Text, string Method);
