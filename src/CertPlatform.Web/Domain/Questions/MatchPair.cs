namespace CertPlatform.Web.Domain.Questions;

public sealed record MatchPair(string Left, string Right);
