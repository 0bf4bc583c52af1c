using ScottPlot;

namespace QABot.Evaluation.Plots;

public static class ChartFile
{
    /// <summary>Writes the chart as a PNG of a size that reads well embedded in markdown; returns the path.</summary>
    public static string Save(Plot plot, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        plot.SavePng(path, 900, 540);
        return path;
    }
}
