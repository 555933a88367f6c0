using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace CertPlatform.UnitTests;

/// <summary>
/// Issue 10 item 3: one type per file, named after it. Every top-level type of the web project (public or internal)
/// has a file of its own named after the type, and no source file declares a second top-level type. The only
/// exception is generated code: EF Core's migrations and model snapshots (<see cref="GeneratedFolders"/>), Razor views
/// and source-generated helpers, which are not hand-written files (a Razor component is named after its .razor file).
/// A nested type is private: an implementation detail of the type around it (a parser's token, an accumulator). A type
/// that any other type names — a use case's result or outcome, a form's row, a view model — is top-level in its own file.
/// </summary>
public sealed partial class SourceLayoutTests
{
    /// <summary>Folders of generated code (by <c>dotnet ef migrations add</c>), relative to the web project.</summary>
    private static readonly string[] GeneratedFolders = [Path.Combine("Data", "Migrations")];

    private static IEnumerable<string> HandWrittenSources() =>
        Directory.EnumerateFiles(RepoPaths.Web, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepoPaths.Web, f))
            .Where(f => !f.StartsWith("bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                        !f.StartsWith("obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal) &&
                        !GeneratedFolders.Any(g => f.StartsWith(g + Path.DirectorySeparatorChar, StringComparison.Ordinal)));

    /// <summary>A top-level type declaration: at the start of a line (every file uses a file-scoped namespace).</summary>
    [GeneratedRegex(@"^(?:(?:public|internal|static|sealed|abstract|partial|readonly|ref|unsafe)\s+)*(?:record\s+(?:struct|class)|class|record|struct|interface|enum)\s+(?<name>[A-Za-z_][A-Za-z0-9_]*)", RegexOptions.Multiline)]
    private static partial Regex TopLevelDeclaration();

    [Fact]
    public void Every_hand_written_file_declares_one_top_level_type_named_after_the_file()
    {
        var problems = new List<string>();
        foreach (var file in HandWrittenSources())
        {
            var text = File.ReadAllText(Path.Combine(RepoPaths.Web, file));
            if (!text.Contains("\nnamespace ", StringComparison.Ordinal) && !text.StartsWith("namespace ", StringComparison.Ordinal)
                && Path.GetFileName(file) != "Program.cs")
                problems.Add($"{file}: no file-scoped namespace");
            var names = TopLevelDeclaration().Matches(text).Select(m => m.Groups["name"].Value).Distinct().ToList();
            var expected = Path.GetFileNameWithoutExtension(file);
            if (names.Count > 1) problems.Add($"{file}: {names.Count} top-level types ({string.Join(", ", names)})");
            foreach (var name in names.Where(n => n != expected)) problems.Add($"{file}: declares {name}, not {expected}");
        }
        Assert.True(problems.Count == 0, "one type per file, named after it:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_top_level_type_of_the_web_project_has_a_file_named_after_it()
    {
        // Razor components (.razor) are types named after their file too.
        var components = Directory.EnumerateFiles(RepoPaths.Web, "*.razor", SearchOption.AllDirectories).Select(Path.GetFileNameWithoutExtension);
        var files = HandWrittenSources().Select(Path.GetFileNameWithoutExtension).Concat(components).ToHashSet(StringComparer.Ordinal);
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => !t.IsNested && (t.Namespace is null || t.Namespace.StartsWith("CertPlatform.Web", StringComparison.Ordinal)))
            .Where(t => !t.Name.Contains('<') && t.GetCustomAttribute<CompilerGeneratedAttribute>() is null)
            .Where(t => t.Namespace?.StartsWith("CertPlatform.Web.Data.Migrations", StringComparison.Ordinal) != true)
            .ToList();
        Assert.Contains(types, t => t.Name == nameof(Program));
        Assert.True(types.Count > 300, $"only {types.Count} types found: the filter is wrong");
        var missing = types.Select(t => t.Name.Split('`')[0]).Where(n => !files.Contains(n)).Distinct().Order().ToList();
        Assert.True(missing.Count == 0, "top-level types without a file named after them:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Nested_types_are_private_implementation_details()
    {
        var types = typeof(Program).Assembly.GetTypes()
            .Where(t => t.IsNested && t.Namespace?.StartsWith("CertPlatform.Web", StringComparison.Ordinal) == true)
            .Where(t => t.Namespace?.StartsWith("CertPlatform.Web.Data.Migrations", StringComparison.Ordinal) != true)
            .Where(t => !Generated(t))
            .ToList();
        Assert.Contains(types, t => t.IsNestedPrivate); // the filter sees nested types at all
        var exposed = types.Where(t => !HiddenInsidePrivateType(t)).Select(t => t.FullName!.Replace('+', '.')).Order().ToList();
        Assert.True(exposed.Count == 0,
            "nested types other code can name (make them top-level, in a file named after them, or private):\n" + string.Join("\n", exposed));
    }

    /// <summary>Private, or nested (at any depth) in a private type, so nothing outside the top-level type can name it.</summary>
    private static bool HiddenInsidePrivateType(Type type)
    {
        for (var t = type; t.IsNested; t = t.DeclaringType!)
            if (t.IsNestedPrivate) return true;
        return false;
    }

    /// <summary>Written by the compiler or a source generator (closures, state machines, [GeneratedRegex] helpers).</summary>
    private static bool Generated(Type type)
    {
        for (Type? t = type; t is not null; t = t.DeclaringType)
            if (t.Name.Contains('<') || t.GetCustomAttribute<CompilerGeneratedAttribute>() is not null ||
                t.GetCustomAttribute<System.CodeDom.Compiler.GeneratedCodeAttribute>() is not null)
                return true;
        return false;
    }
}
