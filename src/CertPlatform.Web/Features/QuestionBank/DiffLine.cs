namespace CertPlatform.Web.Features.QuestionBank;

public sealed record DiffLine(char Kind, string Text);
