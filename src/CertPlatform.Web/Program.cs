using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CertPlatform.Web.Content;
using CertPlatform.Web.Data;
using CertPlatform.Web.Features.Account;
using CertPlatform.Web.Features.Admin;
using CertPlatform.Web.Features.Analytics;
using CertPlatform.Web.Features.Certificates;
using CertPlatform.Web.Features.Exams;
using CertPlatform.Web.Features.Grading;
using CertPlatform.Web.Features.Lessons;
using CertPlatform.Web.Features.Notifications;
using CertPlatform.Web.Features.Papers;
using CertPlatform.Web.Features.Practice;
using CertPlatform.Web.Features.QuestionBank;
using CertPlatform.Web.Features.Records;
using CertPlatform.Web.Features.Results;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Infrastructure.Backup;
using CertPlatform.Web.Infrastructure.Health;
using CertPlatform.Web.Infrastructure.Telemetry;
using CertPlatform.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.WebEncoders;
using Serilog;
using Serilog.Formatting.Compact;

// Commands that need no web host: `lint`, `content-report` (see README).
if (ContentCommands.TryRun(args) is { } exitCode) return exitCode;
if (ItemStatsCommand.TryRun(args, Console.Out, Console.Error) is { } statsExit) return statsExit;
// `qti-validate PACKAGE --schemas DIR`: offline XSD check of a QTI package (docs/question-formats.md).
if (QtiValidateCommand.TryRun(args, Console.Out, Console.Error) is { } qtiExit) return qtiExit;

// `backup DIR` / `restore DIR [--force]`: files only, no web host (see docs/deploy.md).
var isBackup = BackupCommand.TryParse(args, out var backupVerb, out var backupFolder, out var backupForce);
var builder = WebApplication.CreateBuilder(
    isBackup ? BackupCommand.HostArguments(args)
    : QuestionImportCommand.Matches(args) ? ["--Serilog:MinimumLevel:Default=Error"]
    : args.Where(a => a != "seed").ToArray());
if (isBackup) return await BackupCommand.RunAsync(backupVerb, backupFolder, backupForce, builder.Configuration, builder.Environment);
var isDev = builder.Environment.IsDevelopment();

builder.Services.AddSerilog((services, lc) =>
{
    // ReadFrom.Services: sinks registered in DI too (tests capture log records that way).
    lc.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
    // An overloaded database is logged once, as a warning, by the app; EF Core's error records of it are left out.
    lc.Filter.ByExcluding(DatabaseOverloadLogFilter.IsProviderEcho);
    if (builder.Configuration.GetValue("Logging:Json", !isDev)) lc.WriteTo.Console(new RenderedCompactJsonFormatter());
    else lc.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
});

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddDisplayTime(builder.Configuration);
builder.Services.AddContent(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAppDatabase(builder.Configuration, builder.Environment.ContentRootPath, strictQueries: !builder.Environment.IsProduction());
builder.Services.AddAccounts(builder.Configuration, isDev);
builder.Services.AddLessons();
builder.Services.AddAdmin();
builder.Services.AddQuestionBank();
builder.Services.AddPapers();
// After the initializer: hosted services start in order, and the exam writers need the migrated database.
builder.Services.AddExams(builder.Configuration);
builder.Services.AddCertificates(builder.Configuration, builder.Environment);
builder.Services.AddRecords();
builder.Services.AddGrading();
builder.Services.AddResults();
builder.Services.AddAnalytics();
builder.Services.AddPractice();
builder.Services.AddNotifications(builder.Configuration, builder.Environment);
builder.Services.AddHealthEndpoints();
builder.Services.AddTelemetry(builder.Configuration);

builder.Services.AddPersistedDataProtection(builder.Configuration, builder.Environment.ContentRootPath);

builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
// Emit Chinese as characters, not &#x…; entities (smaller pages, readable source).
builder.Services.Configure<WebEncoderOptions>(o => o.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddControllersWithViews(o =>
    {
        o.Filters.Add(new FormLimitsFilter()); // before antiforgery: a form over the limits is a 413, not a 400
        o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
        o.Conventions.Add(new FeatureConvention());
        // Validation messages come from the FluentValidation validators, in the UI language.
        o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
    })
    .AddRazorOptions(o => o.ViewLocationExpanders.Add(new FeatureFolderViewLocationExpander()))
    .AddViewLocalization();
builder.Services.AddPlatformSecurity(builder.Configuration, isDev);

var app = builder.Build();
if (QuestionImportCommand.Matches(args)) return await QuestionImportCommand.RunAsync(app.Services, args, Console.Out, Console.Error); // see README "Commands"

if (args.Contains("seed"))
{
    await DatabaseInitializer.InitialiseAsync(app.Services, withDemoAccounts: true);
    Console.WriteLine("Database migrated; roles and demo accounts are in place (see README).");
    return 0;
}

app.UseTrustedForwardedHeaders();
if (!isDev)
{
    app.UseExceptionHandler("/error");
    app.UseHsts();
}
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseCookiePolicy();
// A 503 (database overloaded, or not ready) is a warning: whoever answered it logged why, without a stack.
app.UseSerilogRequestLogging(o => o.GetLevel = (ctx, _, e) =>
    e is not null || (ctx.Response.StatusCode > 499 && ctx.Response.StatusCode != StatusCodes.Status503ServiceUnavailable) ? Serilog.Events.LogEventLevel.Error
    : ctx.Response.StatusCode == StatusCodes.Status503ServiceUnavailable ? Serilog.Events.LogEventLevel.Warning : Serilog.Events.LogEventLevel.Information);
// Inside the request logging: a request the client gave up on is logged as the 499 it is, not as a 500 error.
app.UseMiddleware<ClientAbortedRequests>();
app.UseStaticFiles();
app.UseMetrics();

var cultures = new[] { new CultureInfo("zh-CN"), new CultureInfo("en") };
app.UseRequestLocalization(new RequestLocalizationOptions
{
    DefaultRequestCulture = new RequestCulture("zh-CN"),
    SupportedCultures = cultures,
    SupportedUICultures = cultures,
    // Chinese first: the browser's Accept-Language does not switch the UI, only the user's choice does.
    RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()],
});
// An overloaded database (pool exhausted, timeout, SQLite busy) is a 503 with Retry-After, not a 500 (docs/deploy.md).
app.UseMiddleware<DatabaseOverloadResponses>();

app.UseRequestLimits();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UseForcedPasswordChange();
app.UseAuthorization();
app.UseAttemptLogScope(); // exam requests log with AttemptId and UserId

app.MapHealthEndpoints();
// The exam API's contract as OpenAPI (docs/api.md describes it in prose).
app.MapOpenApi().AllowAnonymous(); // the contract is public documentation; the API itself needs a signed-in trainee
app.MapExamApi(); // autosave and flags outside MVC's filters (Features/Exams/ExamApiEndpoints.cs)
app.MapControllers();
app.Run();
return 0;

public partial class Program;
