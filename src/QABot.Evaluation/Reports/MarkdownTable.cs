using System.Text;

namespace QABot.Evaluation.Reports;

/// <summary>A pipe table, readable as plain text in a terminal and rendered in markdown.</summary>
public sealed class MarkdownTable(params string[] headers)
{
    /// <summary>Figures read best right-aligned (the default); prose columns set this to false.</summary>
    public bool RightAlignValues { get; init; } = true;

    private readonly List<string[]> _rows = [];

    public int RowCount => _rows.Count;

    public MarkdownTable Row(params string[] cells)
    {
        if (cells.Length != headers.Length) throw new ArgumentException($"A row needs {headers.Length} cells.", nameof(cells));
        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        void Line(IReadOnlyList<string> cells) =>
            text.Append("| ").Append(string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i])))).Append(" |\n");
        Line(headers);
        text.Append('|').Append(string.Join('|', widths.Select((w, i) => i == 0 || !RightAlignValues ? new string('-', w + 2) : new string('-', w + 1) + ":"))).Append("|\n");
        foreach (var row in _rows) Line(row);
        return text.ToString();
    }
}
