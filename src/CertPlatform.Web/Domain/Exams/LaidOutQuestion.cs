namespace CertPlatform.Web.Domain.Exams;

/// <summary>
/// One question as an attempt shows it: which question and version, its section and points, and
/// the display order of its options (choice options, matching right-hand column, ordering items):
/// displayed position k shows authored index <c>Order[k]</c>. Case parts have their own orders.
/// </summary>
public sealed record LaidOutQuestion(
    int Ref, string QuestionId, int Version, int Section, decimal Points,
    IReadOnlyList<int> Order, IReadOnlyDictionary<string, IReadOnlyList<int>> PartOrders);
