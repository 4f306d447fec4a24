namespace HarborHa.Estimates;

/// <summary>
/// One priced item of one resource: e.g. the instance-hours of a node group, or the GB stored in a
/// bucket. <see cref="MonthlyUsd"/> is <see cref="Quantity"/> x <see cref="UnitPrice"/>, converted
/// from CNY for China regions.
/// </summary>
/// <param name="Resource">The logical name of the program resource the cost belongs to.</param>
/// <param name="Type">Its type token.</param>
/// <param name="Region">The region it is billed in (from its provider).</param>
/// <param name="Kind">The service group (EKS, RDS, NAT gateway, ...), for the per-kind table.</param>
/// <param name="Item">What is counted, in words.</param>
/// <param name="Quantity">How many units a month (hours are 730 a month).</param>
/// <param name="Unit">The unit of <see cref="Quantity"/> and <see cref="UnitPrice"/>.</param>
/// <param name="UnitPrice">The list price of one unit, in <see cref="Currency"/>.</param>
/// <param name="Currency">The currency of <see cref="UnitPrice"/> (USD, or CNY in China).</param>
/// <param name="MonthlyUsd">Quantity x unit price, in USD.</param>
/// <param name="Source">Where the unit price comes from, or how it was derived.</param>
/// <param name="Assumption">The usage assumption behind <see cref="Quantity"/>, when the program does not state it.</param>
/// <param name="Unpriced">True when the table has no price for it (monthly 0); the CLI warns.</param>
public sealed record CostLine(
    string Resource,
    string Type,
    string Region,
    string Kind,
    string Item,
    decimal Quantity,
    string Unit,
    decimal UnitPrice,
    string Currency,
    decimal MonthlyUsd,
    string Source,
    string? Assumption = null,
    bool Unpriced = false);
