namespace CertPlatform.Web.Domain.Exams;

public sealed record DrawnQuestion(string Id, int Section, decimal Points);
