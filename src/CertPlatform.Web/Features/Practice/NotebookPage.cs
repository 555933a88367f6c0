using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using Microsoft.EntityFrameworkCore;
using CertPlatform.Web.Features.QuestionBank;

namespace CertPlatform.Web.Features.Practice;

public sealed record NotebookPage(IReadOnlyList<MistakePartGroup> Open, IReadOnlyList<MistakeRow> Cleared, IReadOnlyList<WeakTopic> Weak)
{
    public int OpenCount => Open.Sum(p => p.Count);
    public int PractisableCount => Open.Sum(p => p.Lessons.Sum(l => l.Rows.Count(r => r.Practisable)));
}
