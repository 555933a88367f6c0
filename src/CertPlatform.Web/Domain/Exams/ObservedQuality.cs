using CertPlatform.Web.Domain.Statistics;

namespace CertPlatform.Web.Domain.Exams;

/// <summary>What item analysis observed about a question: graded responses, facility (0…1) and its flags.</summary>
public sealed record ObservedQuality(int Responses, double Facility, IReadOnlyList<FlagKind> Flags);
