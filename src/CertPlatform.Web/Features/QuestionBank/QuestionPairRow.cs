namespace CertPlatform.Web.Features.QuestionBank;

public sealed class QuestionPairRow
{
    public string Left { get; set; } = "";
    public string Right { get; set; } = "";
}
