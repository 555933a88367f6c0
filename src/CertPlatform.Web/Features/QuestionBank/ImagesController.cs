using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CertPlatform.Web.Features.QuestionBank;

/// <summary>
/// Serves question images to signed-in users (trainees see them in exams). Only sniffed image types
/// are ever stored; the response also forbids scripts and framing in case a browser misreads one.
/// </summary>
[Authorize]
[Route("images")]
public sealed class ImagesController(QuestionImages images) : Controller
{
    [HttpGet("{sha:regex(^[[0-9a-f]]{{64}}$)}")]
    public async Task<IActionResult> Get(string sha, CancellationToken ct)
    {
        var image = await images.FindAsync(sha, ct);
        return image is null ? NotFound() : ImageResponses.Serve(Response, image.Bytes, image.ContentType, "private, max-age=31536000, immutable");
    }
}
