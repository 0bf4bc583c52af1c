using QABot.Core.Domain;

namespace QABot.Answering.Llm.Answering;

/// <summary>What the user reads when the model finds no answer in the sources: a fixed sentence, in the question's language.</summary>
public static class RefusalText
{
    public const string English = "The articles I have do not answer this question.";
    public const string Arabic = "لا تتضمن المقالات المتوفرة لديّ إجابة عن هذا السؤال.";

    public static string For(string language) => language == Languages.Arabic ? Arabic : English;
}
