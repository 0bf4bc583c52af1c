namespace QABot.Core.Domain;

/// <summary>
/// The readable name of an outlet in a language, for printers. The index and every <see cref="Citation"/> keep the
/// outlet exactly as the source file names it ("skynews", «سكاي نيوز عربية»): that is what filters match and what a
/// citation truthfully reports. Only what a person reads shows the display name ("Sky News Arabia").
/// </summary>
public interface IOutletNames
{
    /// <summary>The display name of a stored outlet in "ar" or "en"; an outlet the catalog does not know keeps its stored name.</summary>
    string DisplayName(string storedSource, string language);
}
