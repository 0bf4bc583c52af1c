namespace QABot.Core.Domain;

public static class Languages
{
    public const string Arabic = "ar";
    public const string English = "en";
}
