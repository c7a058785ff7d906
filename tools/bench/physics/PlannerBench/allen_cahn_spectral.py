# Checks PlannerBench's Allen-Cahn reference (the finite-difference solution the PINN's error is measured against) with
# an independent solver: Fourier spectral in x, ETDRK4 in t (Kassam and Trefethen 2005, coefficients by contour
# integrals), for u_t = 1e-4 u_xx + 5u - 5u^3, u0 = x^2 cos(pi x), periodic on [-1, 1], t in [0, 1]. It solves twice
# (1024 modes, dt 1e-4; 2048 modes, dt 2.5e-5) to show its own convergence, then compares at the reference's nodes.
# Usage (Debian python3-numpy):
#   dotnet run -c Release --project tools/bench/physics/PlannerBench -- reference allen_cahn /tmp/ac-ref.csv
#   python3 tools/bench/physics/PlannerBench/allen_cahn_spectral.py /tmp/ac-ref.csv
import numpy as np, sys
def solve(N, dt, times):
    x = -1 + 2*np.arange(N)/N
    u = x**2*np.cos(np.pi*x)
    v = np.fft.fft(u)
    k = np.pi*np.fft.fftfreq(N, d=1.0/N)   # wavenumbers for period 2
    L = -1e-4*k**2 + 5.0
    E = np.exp(dt*L); E2 = np.exp(dt*L/2)
    M = 64
    r = np.exp(1j*np.pi*(np.arange(1, M+1)-0.5)/M)
    LR = dt*L[:, None] + r[None, :]
    Q = dt*np.real(np.mean((np.exp(LR/2)-1)/LR, axis=1))
    f1 = dt*np.real(np.mean((-4-LR+np.exp(LR)*(4-3*LR+LR**2))/LR**3, axis=1))
    f2 = dt*np.real(np.mean((2+LR+np.exp(LR)*(-2+LR))/LR**3, axis=1))
    f3 = dt*np.real(np.mean((-4-3*LR-LR**2+np.exp(LR)*(4-LR))/LR**3, axis=1))
    Nl = lambda v: -5.0*np.fft.fft(np.real(np.fft.ifft(v))**3)
    out = {}
    steps = int(round(times[-1]/dt))
    want = {int(round(t/dt)): t for t in times}
    if 0 in want: out[want[0]] = u.copy()
    for n in range(1, steps+1):
        Nv = Nl(v)
        a = E2*v + Q*Nv; Na = Nl(a)
        b = E2*v + Q*Na; Nb = Nl(b)
        c = E2*a + Q*(2*Nb-Nv); Nc = Nl(c)
        v = E*v + Nv*f1 + 2*(Na+Nb)*f2 + Nc*f3
        if n in want: out[want[n]] = np.real(np.fft.ifft(v))
    return x, out
times = [round(0.01*i, 10) for i in range(101)]
ref = np.loadtxt(sys.argv[1], delimiter=',')
res = {}
for N, dt in [(1024, 1e-4), (2048, 2.5e-5)]:
    x, out = solve(N, dt, times)
    res[(N, dt)] = (x, out)
def at(xs, ts, sol):
    x, out = sol; N = len(x)
    idx = np.rint((xs+1)*N/2).astype(int) % N
    return np.array([out[round(t, 10)][i] for i, t in zip(idx, ts)])
a = at(ref[:,0], np.round(ref[:,1], 10), res[(1024,1e-4)])
b = at(ref[:,0], np.round(ref[:,1], 10), res[(2048,2.5e-5)])
u = ref[:,2]
rl2 = lambda p, q: np.linalg.norm(p-q)/np.linalg.norm(q)
print("spectral self-convergence: rel L2 %.3g max %.3g" % (rl2(a,b), np.abs(a-b).max()))
print("FD reference vs spectral fine: rel L2 %.3g max %.3g" % (rl2(u,b), np.abs(u-b).max()))
for t in [0.1,0.25,0.5,0.75,1.0]:
    m = np.isclose(ref[:,1], t)
    print(" t=%.2f FD vs spectral rel L2 %.3g max %.3g" % (t, rl2(u[m], b[m]), np.abs(u[m]-b[m]).max()))
