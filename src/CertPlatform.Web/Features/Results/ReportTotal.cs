namespace CertPlatform.Web.Features.Results;

/// <summary>Points earned out of points possible for a group of questions (a paper section or a curriculum part).</summary>
public sealed record ReportTotal(string Key, string Title, decimal Earned, decimal Possible, int Questions, int AwaitingManual)
{
    /// <summary>Earned as a whole percentage of possible (0 when nothing was possible).</summary>
    public int Percent => Possible > 0 ? (int)Math.Round(Earned * 100 / Possible, MidpointRounding.AwayFromZero) : 0;
}
