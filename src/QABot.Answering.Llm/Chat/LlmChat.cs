using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using QABot.Answering.Llm.Options;
using QABot.Answering.Llm.Prompts;

namespace QABot.Answering.Llm.Chat;

/// <summary>
/// Runs one prompt from prompts/ against the configured chat model through Semantic Kernel, with the deadline of
/// <c>Llm:TimeoutSeconds</c> (retries are done below, by the OpenAI client's pipeline). A deadline that passes surfaces
/// as <see cref="TimeoutException"/>, told apart from the caller's own cancellation.
/// </summary>
public sealed class LlmChat(Kernel kernel, PromptLibrary prompts, IOptions<LlmOptions> options)
{
    private readonly LlmOptions _options = options.Value;

    public PromptLibrary Prompts => prompts;

    /// <summary>The kernel holding the chat service the configured provider registered.</summary>
    public Kernel Kernel => kernel;

    public async Task<string> CompleteAsync(string prompt, KernelArguments arguments, CancellationToken cancellationToken = default)
    {
        using var deadline = Deadline(cancellationToken);
        try
        {
            var result = await kernel.InvokeAsync(prompts.Function(prompt), WithSettings(arguments), deadline.Token).ConfigureAwait(false);
            return result.GetValue<string>() ?? "";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The model did not answer prompt \"{prompt}\" within {_options.TimeoutSeconds} s.");
        }
    }

    public async IAsyncEnumerable<string> StreamAsync(string prompt, KernelArguments arguments,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var deadline = Deadline(cancellationToken);
        var stream = kernel.InvokeStreamingAsync<StreamingKernelContent>(prompts.Function(prompt), WithSettings(arguments), deadline.Token)
            .GetAsyncEnumerator(deadline.Token);
        await using (stream.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await stream.MoveNextAsync().ConfigureAwait(false)) yield break;
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"The model did not finish prompt \"{prompt}\" within {_options.TimeoutSeconds} s.");
                }
                var text = stream.Current.ToString();
                if (!string.IsNullOrEmpty(text)) yield return text;
            }
        }
    }

    private CancellationTokenSource Deadline(CancellationToken cancellationToken)
    {
        var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(Math.Max(1, _options.TimeoutSeconds)));
        return cts;
    }

    // Temperature 0: the same question over the same sources should get the same answer.
    private KernelArguments WithSettings(KernelArguments arguments) =>
        new(arguments, new Dictionary<string, PromptExecutionSettings>
        {
            [PromptExecutionSettings.DefaultServiceId] = new OpenAIPromptExecutionSettings { Temperature = 0, MaxTokens = _options.MaxAnswerTokens },
        });
}
