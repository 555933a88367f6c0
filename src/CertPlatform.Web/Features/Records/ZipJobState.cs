using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace CertPlatform.Web.Features.Records;

public enum ZipJobState { Queued, Running, Ready, Failed }
