using Microsoft.EntityFrameworkCore;

namespace CertPlatform.Web.Features.Grading;

public sealed record QueueModel(IReadOnlyList<QueueGroup> Groups)
{
    public int Total => Groups.Sum(g => g.Items.Count);
}
