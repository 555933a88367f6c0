namespace CertPlatform.IntegrationTests.Features.Security;

/// <summary>The committed route matrix (route-matrix.txt beside the tests): a change of access must be a reviewed change of this file.</summary>
public static class RouteMatrixFile
{
    private static string PathInRepo() =>
        Path.Combine(Infrastructure.ServerProcess.RepositoryRoot(), "tests", "CertPlatform.IntegrationTests", "Features", "Security", "route-matrix.txt");

    public static void Check(string generated)
    {
        var path = PathInRepo();
        if (Environment.GetEnvironmentVariable("UPDATE_ROUTE_MATRIX") == "1")
        {
            File.WriteAllText(path, generated);
            return;
        }
        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var changed = generated.Split('\n').Except(committed.Split('\n')).Select(l => "now:  " + l)
            .Concat(committed.Split('\n').Except(generated.Split('\n')).Select(l => "was:  " + l)).ToList();
        Assert.True(changed.Count == 0,
            "access differs from route-matrix.txt (review, then regenerate with UPDATE_ROUTE_MATRIX=1):\n" + string.Join("\n", changed));
    }
}
