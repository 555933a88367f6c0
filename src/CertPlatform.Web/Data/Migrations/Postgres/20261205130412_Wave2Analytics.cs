using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CertPlatform.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Wave2Analytics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "DrawExcludeFlagged",
                table: "Papers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "DrawUseObservedFacility",
                table: "Papers",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DrawExcludeFlagged",
                table: "Papers");

            migrationBuilder.DropColumn(
                name: "DrawUseObservedFacility",
                table: "Papers");
        }
    }
}
