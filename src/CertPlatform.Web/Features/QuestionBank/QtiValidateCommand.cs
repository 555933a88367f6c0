using System.Globalization;
using CertPlatform.Web.Features.QuestionBank.Formats;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// <c>dotnet run --project src/CertPlatform.Web -- qti-validate PACKAGE.zip --schemas DIR [--lang zh-CN|en]</c>: checks
/// every XML file of a QTI package (or one item file) against the XSD files in DIR with <see cref="QtiSchemaValidator"/>,
/// offline (no web host, no database, no network). Each problem is printed to stderr as <c>file:line:column: message</c>;
/// stdout gets the schema used per file and a summary. Exit code 0 when valid (warnings allowed), 1 with errors, 2 for a
/// usage error or a package that cannot be read from disk.
/// </summary>
public static class QtiValidateCommand
{
    public const string Name = "qti-validate";
    private const string UsageText = "usage: qti-validate PACKAGE.zip|ITEM.xml --schemas DIR [--lang zh-CN|en]";

    public static int? TryRun(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] != Name) return null;
        string? package = null, schemas = null, lang = "zh-CN";
        for (var i = 1; i < args.Length; i++)
        {
            var a = args[i];
            if (a == "--schemas" && i + 1 < args.Length) schemas = args[++i];
            else if (a == "--lang" && i + 1 < args.Length && args[i + 1] is "zh-CN" or "en") lang = args[++i];
            else if (package is null && !a.StartsWith("--", StringComparison.Ordinal)) package = a;
            else return Usage(stderr, $"unexpected argument '{a}'");
        }
        if (package is null || schemas is null) return Usage(stderr, null);
        if (!File.Exists(package))
        {
            stderr.WriteLine($"{package}: file not found");
            return 2;
        }
        var culture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo(lang);
        try
        {
            var L = Localizer();
            var report = QtiSchemaValidator.Validate(Path.GetFileName(package), File.ReadAllBytes(package), schemas);
            foreach (var p in report.Problems) stderr.WriteLine(p.Localize(L));
            var errors = report.Problems.Count(p => !p.Warning);
            stdout.WriteLine(report.Valid
                ? L["XML 文件全部符合 {1} 中的架构（共 {0} 个）", report.FilesChecked.Count, Path.GetFullPath(schemas)].Value
                : L["架构检查未通过：错误 {0} 处，已检查的 XML 文件 {1} 个", errors, report.FilesChecked.Count].Value);
            return report.Valid ? 0 : 1;
        }
        finally { CultureInfo.CurrentUICulture = culture; }
    }

    private static int Usage(TextWriter stderr, string? problem)
    {
        if (problem is not null) stderr.WriteLine($"qti-validate: {problem}");
        stderr.WriteLine(UsageText);
        return 2;
    }

    private static IStringLocalizer Localizer()
    {
        var factory = new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance);
        return factory.Create(typeof(SharedResource));
    }
}
