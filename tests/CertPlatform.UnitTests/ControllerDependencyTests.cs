using System.Reflection;
using CertPlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.UnitTests;

/// <summary>
/// Issue 10: only controllers speak HTTP, and they do nothing else — reads and writes live in the feature's query and
/// use-case classes. No controller of the web project takes the <see cref="AppDbContext"/>: not in its constructor and
/// not as an action parameter (<c>[FromServices]</c>).
/// </summary>
public sealed class ControllerDependencyTests
{
    private static IEnumerable<Type> Controllers() =>
        typeof(Program).Assembly.GetTypes().Where(t => !t.IsAbstract && typeof(ControllerBase).IsAssignableFrom(t));

    internal static IEnumerable<string> DbContextUses(Type controller) =>
        controller.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters()).Where(p => typeof(AppDbContext).IsAssignableFrom(p.ParameterType))
            .Select(p => $"{controller.FullName}: constructor parameter '{p.Name}'")
            .Concat(controller.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .SelectMany(m => m.GetParameters().Where(p => typeof(AppDbContext).IsAssignableFrom(p.ParameterType))
                    .Select(p => $"{controller.FullName}.{m.Name}: parameter '{p.Name}'")));

    [Fact]
    public void The_web_project_has_controllers_to_check()
    {
        Assert.Contains(Controllers(), t => t.Name == "PapersController");
        Assert.True(Controllers().Count() > 10, "expected the web project's controllers to be found by reflection");
    }

    [Fact]
    public void No_controller_takes_the_DbContext()
    {
        var problems = Controllers().SelectMany(DbContextUses).ToList();
        Assert.True(problems.Count == 0, "Controllers must go through the feature's query or use-case classes:\n" + string.Join('\n', problems));
    }

    [Fact]
    public void The_rule_catches_a_controller_that_takes_the_DbContext()
    {
        Assert.Single(DbContextUses(typeof(ConstructorTakesDb)));
        Assert.Single(DbContextUses(typeof(ActionTakesDb)));
    }

    private sealed class ConstructorTakesDb(AppDbContext db) : Controller
    {
        public int Count() => db.Users.Count();
    }

    private sealed class ActionTakesDb : Controller
    {
        public int Count([FromServices] AppDbContext db) => db.Users.Count();
    }
}
