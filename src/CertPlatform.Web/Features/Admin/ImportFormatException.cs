using System.Text;
using CertPlatform.Web.Data;
using CertPlatform.Web.Infrastructure;
using CertPlatform.Web.Features.Account;
using CsvHelper;
using DocumentFormat.OpenXml.Packaging;

namespace CertPlatform.Web.Features.Admin;

public sealed class ImportFormatException(string message) : Exception(message);
