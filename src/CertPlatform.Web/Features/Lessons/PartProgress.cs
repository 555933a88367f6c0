using CertPlatform.Web.Content;

namespace CertPlatform.Web.Features.Lessons;

public sealed record PartProgress(CurriculumPart Part, int Learned, int Total)
{
    public int Percent => Total == 0 ? 0 : (int)Math.Round(100.0 * Learned / Total);
}
