namespace CertPlatform.Web.Domain.Statistics;

/// <summary>
/// How often one option was chosen: by everyone who had the question, by the top 27 % and by the
/// bottom 27 % of them (ranked by total mark). Fractions are of the attempts in each group.
/// </summary>
public sealed record OptionStatistics(
    string Label, bool Correct, int Count, double Fraction, int TopCount, double TopFraction, int BottomCount, double BottomFraction);
