using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Practice;

public sealed record NotebookPage(IReadOnlyList<MistakePartGroup> Open, IReadOnlyList<MistakeRow> Cleared, IReadOnlyList<WeakTopic> Weak)
{
    public int OpenCount => Open.Sum(p => p.Count);
    public int PractisableCount => Open.Sum(p => p.Lessons.Sum(l => l.Rows.Count(r => r.Practisable)));
}
