using System.Text;

namespace QABot.Hosts.Telegram.Formatting;

/// <summary>Escaping for Telegram's HTML parse mode: only &lt;, &gt; and &amp; are special there.</summary>
public static class TelegramHtml
{
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            switch (c)
            {
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '&': sb.Append("&amp;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Quotes an attribute value (href): also escapes the double quote.</summary>
    public static string EscapeAttribute(string? text) => Escape(text).Replace("\"", "&quot;");
}
