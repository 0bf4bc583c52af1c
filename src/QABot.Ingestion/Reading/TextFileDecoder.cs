using System.Text;
using QABot.Text;

namespace QABot.Ingestion.Reading;

/// <summary>The text of a file, or why it could not be read as text.</summary>
public sealed record DecodedText(string? Text, string? EncodingName, string? Error)
{
    public bool Succeeded => Text is not null;
}

/// <summary>
/// Turns file bytes into text: BOM-marked UTF-8/UTF-16 first, then strict UTF-8; when that fails, Windows-1256
/// (the legacy Arabic code page many scraped files still use) is accepted only if the result reads as Arabic.
/// Empty and binary files are refused with a message saying which they are.
/// </summary>
public static class TextFileDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static Encoding Windows1256 { get; } = CreateWindows1256();

    private static Encoding CreateWindows1256()
    {
        // Code pages other than UTF-*/Latin-1 are not available in .NET until the provider is registered.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1256);
    }

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty) return Fail("the file is empty");

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8(bytes[3..], "utf-8 (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return Checked(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return Checked(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");

        if (LooksBinary(bytes)) return Fail("the file is binary (NUL or control bytes), not text");
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Utf8(bytes, "utf-8");

        var legacy = Windows1256.GetString(bytes);
        return IsMostlyArabic(legacy)
            ? Checked(legacy, "windows-1256")
            : Fail("the file is neither valid UTF-8 nor Arabic Windows-1256 text; convert it to UTF-8");
    }

    /// <summary>NUL bytes, or more than 2% control characters other than tab, CR, LF and form feed.</summary>
    public static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var sample = bytes.Length > 8192 ? bytes[..8192] : bytes;
        if (sample.Contains((byte)0)) return true;
        var controls = 0;
        foreach (var b in sample)
            if (b < 0x20 && b is not (0x09 or 0x0A or 0x0D or 0x0C)) controls++;
        return controls > sample.Length / 50;
    }

    /// <summary>At least half of the letters are Arabic: what a misread Latin-1 or random file does not produce in 1256.</summary>
    public static bool IsMostlyArabic(string text)
    {
        int arabic = 0, letters = 0;
        foreach (var c in text)
        {
            if (!char.IsLetter(c)) continue;
            letters++;
            if (ArabicNormalizer.IsArabicLetter(c)) arabic++;
        }
        return letters > 0 && arabic * 2 >= letters;
    }

    private static DecodedText Utf8(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return Checked(StrictUtf8.GetString(bytes), name);
        }
        catch (DecoderFallbackException)
        {
            return Fail("the file starts with a UTF-8 byte order mark but is not valid UTF-8");
        }
    }

    private static DecodedText Checked(string text, string name) =>
        string.IsNullOrWhiteSpace(text) ? Fail("the file is empty (only whitespace)") : new DecodedText(text, name, null);

    private static DecodedText Fail(string error) => new(null, null, error);
}
