namespace CertPlatform.Web.Domain.Statistics;

/// <summary>What a flag says; the page explains each in plain words.</summary>
public enum FlagKind
{
    TooEasy,
    TooHard,
    WeakDiscrimination,
    NegativeDiscrimination,
    UnusedDistractor,
    DistractorPreferredByTopGroup,
    LowReliability,
}
