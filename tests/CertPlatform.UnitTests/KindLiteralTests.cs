using System.Reflection;
using System.Text.RegularExpressions;
using CertPlatform.Web.Data;
using CertPlatform.Web.Domain.Questions;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Admin;
using CertPlatform.Web.Features.Papers;

namespace CertPlatform.UnitTests;

/// <summary>
/// Issue 10 item 3: kinds and statuses have one owner (a constant class or an enum); no C#, Razor or component file of
/// the web project spells one of their values (or a role name of <see cref="Roles"/>, or an audit action of <see cref="AuditActions"/>) as a bare string literal ("certification", "submitted", "Ready", …)
/// outside the owner's own file. Generated migrations are skipped, and so is the import/export formats folder, whose
/// files map foreign type names ("Single", "TrueFalse") on purpose.
/// </summary>
public sealed partial class KindLiteralTests
{
    /// <summary>The owners of kinds and statuses: every <c>const string</c> of these classes and every name of these enums.</summary>
    private static readonly Type[] Owners =
    [
        typeof(PaperKind), typeof(PaperStatus), typeof(AttemptStatus), typeof(GradingStatus), typeof(FinishReason),
        typeof(CertificateStatus), typeof(OutboxStatus), typeof(PaperAudience), typeof(PaperMode), typeof(UserStatusFilter),
        typeof(QuestionStatus), typeof(QuestionPool), typeof(QuestionType), typeof(Roles), typeof(AuditActions),
    ];

    /// <summary>Values that are also ordinary words elsewhere (form field names, template placeholders, "all" filters).</summary>
    private static readonly HashSet<string> Ambiguous = new(StringComparer.Ordinal) { "all", "organization", "department", "user" };

    /// <summary>Places where a value means something else: file (relative to the web project) and the literal.</summary>
    private static readonly HashSet<(string File, string Value)> Allowed =
    [
        (Path.Combine("Features", "Exams", "Exams", "Sit.cshtml"), "deadline"), // the CSS class of the deadline line
    ];

    private static readonly string[] Skipped =
    [
        "bin", "obj", Path.Combine("Data", "Migrations"), Path.Combine("Features", "QuestionBank", "Formats"),
    ];

    [GeneratedRegex("\"([^\"\\\\\\r\\n]*)\"")]
    private static partial Regex StringLiteral();

    private static Dictionary<string, Type> OwnedValues()
    {
        var values = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var owner in Owners)
        {
            var names = owner.IsEnum
                ? Enum.GetNames(owner)
                : owner.GetFields(BindingFlags.Public | BindingFlags.Static)
                    .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!);
            foreach (var v in names.Where(v => !Ambiguous.Contains(v))) values.TryAdd(v, owner);
        }
        return values;
    }

    /// <summary>Every bare literal of an owned value outside its owner, as "file:line: "value" (Owner)".</summary>
    internal static List<string> BareLiterals(string root)
    {
        var values = OwnedValues();
        var ownerFiles = Owners.Select(o => o.Name + ".cs").ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var path in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                     .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".razor", StringComparison.Ordinal)))
        {
            var file = Path.GetRelativePath(root, path);
            if (Skipped.Any(s => file.StartsWith(s + Path.DirectorySeparatorChar, StringComparison.Ordinal)) || ownerFiles.Contains(Path.GetFileName(file))) continue;
            var lines = File.ReadAllLines(path);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].TrimStart();
                if (line.StartsWith("//", StringComparison.Ordinal) || line.StartsWith("@*", StringComparison.Ordinal) || line.StartsWith('*')) continue;
                foreach (Match m in StringLiteral().Matches(lines[i]))
                {
                    var value = m.Groups[1].Value;
                    if (values.TryGetValue(value, out var owner) && !Allowed.Contains((file, value)))
                        problems.Add($"{file}:{i + 1}: \"{value}\" ({owner.Name})");
                }
            }
        }
        return problems;
    }

    [Fact]
    public void No_kind_or_status_is_spelled_as_a_bare_string_outside_its_owner()
    {
        var problems = BareLiterals(RepoPaths.Web);
        Assert.True(problems.Count == 0, "use the owner's constant or enum (or nameof) instead of the literal:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void The_check_finds_a_bare_kind_and_ignores_comments_and_the_owner() => Assert.Equal(
        ["Use.cs:2: \"Ready\" (QuestionStatus)", "View.cshtml:1: \"certification\" (PaperKind)"],
        BareLiteralsIn(
            ("View.cshtml", "<td>@(p.Kind == \"certification\" ? 1 : 2)</td>\n@* \"mock\" in a comment *@\n"),
            ("Use.cs", "// \"submitted\" in a comment\nvar s = \"Ready\"; var t = \"all\";\n"),
            ("PaperKind.cs", "public const string Mock = \"mock\";\n")));

    [Fact]
    public void The_check_finds_a_bare_role_name_and_ignores_the_roles_owner() => Assert.Equal(
        ["Guard.cs:1: \"Admin\" (Roles)", "Guard.cs:1: \"Trainee\" (Roles)", "Page.cshtml:1: \"HR\" (Roles)"],
        BareLiteralsIn(
            ("Page.cshtml", "@if (User.IsInRole(\"HR\")) { <p>hr</p> }\n"),
            ("Guard.cs", "[Authorize(Roles = \"Admin\")] class C { bool T(string r) => r == \"Trainee\"; }\n"),
            ("Roles.cs", "public const string Examiner = \"Examiner\";\n")));

    [Fact]
    public void The_check_finds_a_bare_audit_action_and_ignores_the_audit_actions_owner() => Assert.Equal(
        ["Download.cs:1: \"certificate.downloaded\" (AuditActions)", "Index.cshtml:1: \"certificate.revoked\" (AuditActions)"],
        BareLiteralsIn(
            ("Download.cs", "audit.Record(user, \"certificate.downloaded\", target);\n/// Audited as \"records.exported\".\n"),
            ("Index.cshtml", "<input placeholder=\"certificate.revoked\" />\n"),
            ("AuditActions.cs", "public const string CertificateRevoked = \"certificate.revoked\";\n")));

    /// <summary>Runs the check over a temporary folder holding these files; returns its findings in order.</summary>
    private static List<string> BareLiteralsIn(params (string Name, string Text)[] files)
    {
        var root = Directory.CreateTempSubdirectory("kind-literals").FullName;
        try
        {
            foreach (var (name, text) in files) File.WriteAllText(Path.Combine(root, name), text);
            return BareLiterals(root).Order().ToList();
        }
        finally { Directory.Delete(root, true); }
    }
}
