using CertPlatform.Web.Domain.Questions;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// <see cref="QuestionView.Type"/> (the API's camelCase name, e.g. "trueFalse") as the enum, for pages that branch on
/// it. Kept out of the record, which the load driver compiles on its own.
/// </summary>
public static class QuestionViewKind
{
    public static QuestionType Kind(this QuestionView q) => Enum.Parse<QuestionType>(q.Type, ignoreCase: true);
}
