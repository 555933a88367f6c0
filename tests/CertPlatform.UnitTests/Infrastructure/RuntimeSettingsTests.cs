using System.Text.Json.Nodes;

namespace CertPlatform.UnitTests.Infrastructure;

/// <summary>
/// Runtime settings the site ships with (CertPlatform.Web.csproj → the built CertPlatform.Web.runtimeconfig.json, which the
/// test project's build copies next to the tests). docs/deploy.md, "Runtime settings", says what each trades.
/// </summary>
public sealed class RuntimeSettingsTests
{
    private static JsonObject ConfigProperties()
    {
        var file = Path.Combine(AppContext.BaseDirectory, "CertPlatform.Web.runtimeconfig.json");
        Assert.True(File.Exists(file), $"{file} is missing: does the test project still reference the web project?");
        var root = JsonNode.Parse(File.ReadAllText(file))!.AsObject();
        return root["runtimeOptions"]!["configProperties"]!.AsObject();
    }

    [Fact]
    public void Thread_pool_workers_park_without_spinning()
    {
        // Paced autosave (bench/RESULTS.md, "CPU per save under paced load"): the default spin (70) was a sixth of the server's CPU.
        var properties = ConfigProperties();
        Assert.True(properties.ContainsKey("System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"),
            "CertPlatform.Web.csproj no longer sets System.Threading.ThreadPool.UnfairSemaphoreSpinLimit");
        Assert.Equal(0, (int)properties["System.Threading.ThreadPool.UnfairSemaphoreSpinLimit"]!);
    }
}
