using System.Collections.Concurrent;
using Microsoft.SemanticKernel;

namespace QABot.Answering.Llm.Prompts;

/// <summary>
/// Loads the prompt templates shipped in prompts/ (copied next to the assembly) as Semantic Kernel prompt functions.
/// Templates use SK's own <c>{{$variable}}</c> format, which Core renders without the Yaml or Handlebars packages
/// (neither is served here). A file opens with a header of '#' lines saying what it is for; the header is not sent.
/// Rendered messages use SK's <c>&lt;message role="..."&gt;</c> chat syntax; variable values are HTML-encoded by SK
/// while rendering and decoded when the chat messages are parsed, so article text cannot open a message of its own.
/// </summary>
public sealed class PromptLibrary
{
    private readonly ConcurrentDictionary<string, KernelFunction> _functions = new();
    private readonly KernelPromptTemplateFactory _templateFactory = new();

    public PromptLibrary(string directory)
    {
        Directory = Path.GetFullPath(directory);
        var missing = PromptNames.All.Where(n => !File.Exists(PathOf(n))).ToList();
        if (missing.Count > 0)
            throw new FileNotFoundException(
                $"Prompt template(s) {string.Join(", ", missing.Select(m => m + ".txt"))} not found in {Directory}. " +
                "They are copied from the repository's prompts/ folder when QABot.Answering.Llm is built.");
    }

    /// <summary>prompts/ beside the running assembly, where the build copies them.</summary>
    public static string DefaultDirectory => Path.Combine(AppContext.BaseDirectory, "prompts");

    public string Directory { get; }

    public KernelFunction Function(string name) => _functions.GetOrAdd(name,
        n => KernelFunctionFactory.CreateFromPrompt(Config(n), _templateFactory));

    /// <summary>The prompt text as the model would receive it (before SK splits it into chat messages).</summary>
    public async Task<string> RenderAsync(string name, KernelArguments arguments, CancellationToken cancellationToken = default) =>
        await _templateFactory.Create(Config(name)).RenderAsync(new Kernel(), arguments, cancellationToken);

    public PromptTemplateConfig Config(string name) => new(StripHeader(File.ReadAllText(PathOf(name))))
    {
        Name = name.Replace('-', '_'),
        TemplateFormat = PromptTemplateConfig.SemanticKernelTemplateFormat,
    };

    /// <summary>Drops the leading '#' comment lines (and the blank lines after them).</summary>
    public static string StripHeader(string template)
    {
        var lines = template.Replace("\r\n", "\n").Split('\n');
        var start = 0;
        while (start < lines.Length && (lines[start].StartsWith('#') || (start > 0 && lines[start].Trim().Length == 0)))
            start++;
        return string.Join('\n', lines[start..]).TrimEnd();
    }

    private string PathOf(string name) => Path.Combine(Directory, name + ".txt");
}
