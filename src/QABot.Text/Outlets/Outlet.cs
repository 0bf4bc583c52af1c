using QABot.Core.Domain;

namespace QABot.Text.Outlets;

/// <summary>A news outlet with its display names. <see cref="Id"/> is the table's id, or "stored:" + the stored name for an outlet only the index knows.</summary>
public sealed record Outlet(string Id, string EnglishName, string ArabicName)
{
    public string DisplayName(string language) => language == Languages.Arabic ? ArabicName : EnglishName;
}

/// <summary>
/// An outlet named in a text. <see cref="Start"/> and <see cref="Length"/> cover the name with its attached
/// conjunction or preposition and any outlet word before it («وموقع سكاي نيوز»). <see cref="Sources"/> are the outlet
/// names as stored in the index (the values a source filter takes); empty when the index holds nothing from it.
/// </summary>
public sealed record OutletMention(int Start, int Length, string Text, Outlet Outlet, IReadOnlyList<string> Sources);

/// <summary>A name typed by a user (`--source`) resolved to its outlet and the stored names that filter on it.</summary>
public sealed record OutletResolution(Outlet Outlet, IReadOnlyList<string> Sources);

/// <param name="NeedsContext">Also an ordinary word: names the outlet in a question only after an outlet or reporting word, or quoted.</param>
internal sealed record OutletSpelling(Outlet Outlet, string[] Keys, bool NeedsContext);
