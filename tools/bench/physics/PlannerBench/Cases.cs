/// <summary>Issue 14's held-out problems, each with a closed-form solution given as the spec's exact_solution.</summary>
internal static class Cases
{
    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Wang, Yu and Perdikaris (2022), "When and why PINNs fail to train", §5.3: u_tt = 4 u_xx, two standing modes;
        // d'Alembert: u = sin(πx)cos(2πt) + 0.5 sin(4πx)cos(8πt). A plain PINN ends near 0.45 relative L2 there.
        ["wave"] = """
            {"preset":"wave","coefficients":{"c":2},"domain":{"x":[0,1],"t":[0,1]},
             "initial_condition":"sin(pi*x) + 0.5*sin(4*pi*x)","initial_velocity":"0",
             "boundary_conditions":[{"where":"x","type":"dirichlet","value":"0"}],
             "exact_solution":"sin(pi*x)*cos(2*pi*t) + 0.5*sin(4*pi*x)*cos(8*pi*t)"}
            """,
        // Wang, Teng and Perdikaris (2021), "Understanding and mitigating gradient pathologies", §4.1: a1 = 1, a2 = 4, k = 1.
        ["helmholtz"] = """
            {"preset":"helmholtz","coefficients":{"k":1},"domain":{"x":[-1,1],"y":[-1,1]},
             "source":"-(pi^2)*sin(pi*x)*sin(4*pi*y) - (16*pi^2)*sin(pi*x)*sin(4*pi*y) + sin(pi*x)*sin(4*pi*y)",
             "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}],
             "exact_solution":"sin(pi*x)*sin(4*pi*y)"}
            """,
        // Raissi et al. (2019) Allen-Cahn: u_t = 1e-4 u_xx + 5(u - u³), u₀ = x² cos(πx), periodic on [-1, 1], t ∈ [0, 1]; no
        // closed form: compared with the finite-difference reference (validate_solution's fallback; own estimate 5.9e-4, 2.4e-5
        // relative L2 from an independent spectral solution: allen_cahn_spectral.py).
        ["allen_cahn"] = """
            {"preset":"allen_cahn","domain":{"x":[-1,1],"t":[0,1]},"initial_condition":"x^2*cos(pi*x)",
             "boundary_conditions":[{"where":"x","type":"periodic"}]}
            """,
        // The same on t ∈ [0, 0.25] (interfaces forming), a cheaper pilot for comparing training levers.
        ["allen_cahn_short"] = """
            {"preset":"allen_cahn","domain":{"x":[-1,1],"t":[0,0.25]},"initial_condition":"x^2*cos(pi*x)",
             "boundary_conditions":[{"where":"x","type":"periodic"}]}
            """,
        // The 3D Poisson: u = sin(πx)sin(πy)sin(πz) on the unit cube.
        ["poisson3d"] = """
            {"preset":"poisson","domain":{"x":[0,1],"y":[0,1],"z":[0,1]},
             "source":"3*pi^2*sin(pi*x)*sin(pi*y)*sin(pi*z)",
             "boundary_conditions":[{"where":"all","type":"dirichlet","value":"0"}],
             "exact_solution":"sin(pi*x)*sin(pi*y)*sin(pi*z)"}
            """,
    };
}
