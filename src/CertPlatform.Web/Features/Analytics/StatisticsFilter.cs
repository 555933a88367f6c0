namespace CertPlatform.Web.Features.Analytics;

/// <summary>The attempts a paper's statistics use: finished between two dates (UTC, inclusive) and which attempt per trainee.</summary>
public sealed record StatisticsFilter(DateOnly? From = null, DateOnly? To = null, AttemptSelection Attempts = AttemptSelection.All)
{
    public string Query => $"from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&attempts={Attempts.ToString().ToLowerInvariant()}";
}
