namespace QABot.Core.Domain;

/// <summary>
/// Characters that change how text is laid out or joined but show nothing themselves: bidi marks, embeddings,
/// overrides and isolates, zero-width spaces and joiners, the byte order mark. They arrive in pasted ids (a terminal
/// printed them around an id) and in "questions" that look empty; one definition serves every door.
/// </summary>
public static class InvisibleMarks
{
    public static bool IsInvisibleMark(char c) => c is
        '\u061C' // Arabic letter mark
        or >= '\u200B' and <= '\u200F' // zero-width space, non-joiner, joiner; LRM, RLM
        or >= '\u202A' and <= '\u202E' // embeddings and overrides
        or >= '\u2060' and <= '\u2064' // word joiner, invisible operators
        or >= '\u2066' and <= '\u2069' // isolates
        or '\uFEFF'; // zero-width no-break space / byte order mark

    /// <summary>The text without invisible marks; the same instance when it has none.</summary>
    public static string Strip(string text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsInvisibleMark)) return text;
        return string.Create(text.Length - text.Count(IsInvisibleMark), text, static (span, source) =>
        {
            var i = 0;
            foreach (var c in source)
                if (!IsInvisibleMark(c)) span[i++] = c;
        });
    }

    /// <summary>Null, empty, or nothing but whitespace and invisible marks: there is nothing to read.</summary>
    public static bool IsBlank(string? text) =>
        text is null || text.All(c => char.IsWhiteSpace(c) || IsInvisibleMark(c));
}
