namespace CertPlatform.Web.Domain.Statistics;

/// <summary>One thread's scratch arrays (one mark per attempt) for measuring the columns of a score matrix one after another.</summary>
internal sealed class ColumnBuffers(int attempts)
{
    public double[] Column { get; } = new double[attempts];
    public double[] Other { get; } = new double[attempts];
    public double[] SortedColumn { get; } = new double[attempts];
    public double[] SortedOther { get; } = new double[attempts];
}
