using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace EarlyHelp.Data.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EvidenceWithdrawal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "Withdrawal_At",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Withdrawal_ById",
                table: "Evidence",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Withdrawal_Reason",
                table: "Evidence",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Withdrawal_At",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Withdrawal_ById",
                table: "Evidence");

            migrationBuilder.DropColumn(
                name: "Withdrawal_Reason",
                table: "Evidence");
        }
    }
}
