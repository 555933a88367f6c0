using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Exams;

namespace CertPlatform.Web.Features.Papers;

public sealed record PaperEditModel(PaperForm Form, IReadOnlyList<SectionFeasibility> Feasibility, IReadOnlyList<string> Tags, IReadOnlyList<CertificationProgramme> Programmes);
