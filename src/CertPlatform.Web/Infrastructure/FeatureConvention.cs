using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace CertPlatform.Web.Infrastructure;

/// <summary>
/// Feature folders: a controller in namespace <c>CertPlatform.Web.Features.Admin</c> finds its views in
/// <c>/Features/Admin/{Controller}/{View}.cshtml</c>, then <c>/Features/Admin/{View}.cshtml</c>, then
/// <c>/Features/Shared/{View}.cshtml</c>.
/// </summary>
public sealed class FeatureConvention : IControllerModelConvention
{
    public const string Key = "feature";

    public void Apply(ControllerModel controller)
    {
        var ns = controller.ControllerType.Namespace ?? "";
        const string marker = ".Features.";
        var i = ns.IndexOf(marker, StringComparison.Ordinal);
        controller.Properties[Key] = i < 0 ? "" : ns[(i + marker.Length)..].Split('.')[0];
    }
}
