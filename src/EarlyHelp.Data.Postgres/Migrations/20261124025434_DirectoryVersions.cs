using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EarlyHelp.Data.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DirectoryVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "DirectoryServices",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "DirectoryOrganisations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "DirectoryLocations",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Version",
                table: "DirectoryServices");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DirectoryOrganisations");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "DirectoryLocations");
        }
    }
}
