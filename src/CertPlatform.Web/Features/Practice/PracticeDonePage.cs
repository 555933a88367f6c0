namespace CertPlatform.Web.Features.Practice;

public sealed record PracticeDonePage(PracticeState State, PracticeScopeInfo Scope, string? ResumeToken);
