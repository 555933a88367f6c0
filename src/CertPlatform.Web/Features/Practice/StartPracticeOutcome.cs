namespace CertPlatform.Web.Features.Practice;

/// <summary>What <see cref="StartPractice"/> did: a set was drawn, the lesson or part does not exist, or nothing is left to practise.</summary>
public enum StartPracticeOutcome { Started, NotFound, Empty }
